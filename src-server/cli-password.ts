import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * Passwords for the admin CLI come from the terminal or a pipe, never from its arguments:
 * an argument stays in the shell history and is visible to every user of the machine in the
 * process list while the command runs.
 */

export type PasswordSource = NodeJS.ReadableStream & { isTTY?: boolean };

export class PasswordInputError extends Error {
  override name = 'PasswordInputError';
}

/**
 * On a terminal: asks on `prompt` (stderr, so stdout stays the command's output) without
 * echoing, twice when `confirm`, and refuses two different answers. From a pipe: its first
 * line, without the line break, exactly as sent otherwise (spaces count).
 */
export async function readPassword(
  stdin: PasswordSource,
  prompt: NodeJS.WritableStream,
  question: string,
  options: { confirm?: boolean } = {},
): Promise<string> {
  if (!stdin.isTTY) {
    const line = await firstLine(stdin);
    if (line === undefined) {
      throw new PasswordInputError('No password on stdin: pipe it in as the first line.');
    }
    return line;
  }
  const password = await askHidden(stdin, prompt, question);
  if (options.confirm && (await askHidden(stdin, prompt, 'Once more: ')) !== password) {
    throw new PasswordInputError('The two passwords differ; nothing was changed.');
  }
  return password;
}

async function firstLine(stdin: PasswordSource): Promise<string | undefined> {
  const lines = createInterface({ input: stdin, crlfDelay: Infinity, terminal: false });
  try {
    for await (const line of lines) return line;
    return undefined;
  } finally {
    lines.close();
  }
}

function askHidden(
  stdin: PasswordSource,
  prompt: NodeJS.WritableStream,
  question: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    // readline echoes what is typed to its output: the question goes through, the keys not.
    let muted = false;
    const output = new Writable({
      write(chunk, _encoding, done) {
        if (!muted) prompt.write(chunk);
        done();
      },
    });
    const rl = createInterface({ input: stdin, output, terminal: true });
    rl.on('SIGINT', () => {
      rl.close();
      prompt.write('\n');
      reject(new PasswordInputError('Cancelled; nothing was changed.'));
    });
    rl.question(question, (answer) => {
      rl.close();
      prompt.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}
