/** What the test run's global setup hands to test files through `inject("stack")`. */
import "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    stack: {
      api: string;
      auth: string;
      issuerFunction: string;
      mail: string;
      dynamo: string;
      s3: string;
      export: string;
      tasksTable: string;
      authTable: string;
      attachmentsBucket: string;
      webOrigins: string[];
    };
  }
}
