import { PassThrough, Writable } from "node:stream";
import type { CliIO } from "../../src/cli/io.js";

/** A writable that keeps what was written, for asserting on output and logs. */
export class CapturedStream extends Writable {
  private chunks: string[] = [];
  isTTY = false;

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk.toString());
    callback();
  }

  get text(): string {
    return this.chunks.join("");
  }

  get lines(): string[] {
    return this.text.split("\n").filter((line) => line !== "");
  }
}

/** Command streams for running a CLI command in-process. */
export function captureIO(
  env: NodeJS.ProcessEnv = {},
  input?: string,
): CliIO & { stdout: CapturedStream; stderr: CapturedStream } {
  const stdin = new PassThrough();
  stdin.end(input ?? "");
  return { stdin, stdout: new CapturedStream(), stderr: new CapturedStream(), env };
}
