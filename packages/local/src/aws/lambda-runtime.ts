/**
 * What Lambda's Node 22+ runtime has and this machine's Node 20 lacks, for the
 * handlers the local stack runs in-process: OpenAuth's refresh-token revocation
 * calls `Array.fromAsync`, which would otherwise answer 500 here and not on AWS.
 */
declare global {
  interface ArrayConstructor {
    fromAsync<T>(items: AsyncIterable<T> | Iterable<T | PromiseLike<T>>): Promise<T[]>;
  }
}

if (typeof Array.fromAsync !== "function") {
  Object.defineProperty(Array, "fromAsync", {
    configurable: true,
    writable: true,
    value: async function fromAsync<T>(items: AsyncIterable<T> | Iterable<T | PromiseLike<T>>) {
      const result: T[] = [];
      for await (const item of items) result.push(item as T);
      return result;
    },
  });
}

export {};
