/** The shared file-name rule: any printable name, no path and no control character. */
import { expect, test } from "vitest";
import { Filename } from "../src/attachment/schema";

const code = (c: number) => String.fromCharCode(c);

test("every control character is refused: C0, DEL and C1", () => {
  const controls = [
    ...Array.from({ length: 0x20 }, (_, i) => i),
    0x7f,
    ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
  ];
  for (const c of controls) {
    expect(Filename.safeParse(`a${code(c)}b.txt`).success, `U+${c.toString(16)}`).toBe(false);
  }
});

test("printable names outside ASCII are kept, right after the C1 range too", () => {
  for (const name of ["a\u00a0b.txt", "résumé.pdf", "ß.txt", "日本語.txt", "emoji 😀.png"]) {
    expect(Filename.safeParse(name).success, name).toBe(true);
  }
});
