import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPassword, type PasswordSource } from './cli-password';

/** A stand-in terminal: what is written to `screen` is what the admin would see. */
function terminal() {
  const keyboard = new PassThrough() as PassThrough & PasswordSource;
  keyboard.isTTY = true;
  let shown = '';
  const screen = new Writable({
    write(chunk, _encoding, done) {
      shown += String(chunk);
      done();
    },
  });
  return { keyboard, screen, shown: () => shown };
}

describe('reading a password for the admin CLI', () => {
  it('asks on a terminal without echoing what is typed, and asks again to confirm', async () => {
    const { keyboard, screen, shown } = terminal();
    const answer = readPassword(keyboard, screen, 'New password for li.na: ', { confirm: true });
    keyboard.write('pallet jack at dock 4\r');
    await new Promise((r) => setTimeout(r, 20));
    keyboard.write('pallet jack at dock 4\r');
    await expect(answer).resolves.toBe('pallet jack at dock 4');
    expect(shown()).toContain('New password for li.na: ');
    expect(shown()).toContain('Once more: ');
    expect(shown()).not.toContain('pallet');
  });

  it('refuses two different answers on a terminal', async () => {
    const { keyboard, screen } = terminal();
    const answer = readPassword(keyboard, screen, 'Password: ', { confirm: true });
    keyboard.write('pallet jack at dock 4\r');
    await new Promise((r) => setTimeout(r, 20));
    keyboard.write('pallet jack at dock 5\r');
    await expect(answer).rejects.toThrow('The two passwords differ; nothing was changed.');
  });

  it('takes the first line of a pipe exactly, without its line break and without a prompt', async () => {
    const { screen, shown } = terminal();
    for (const [input, expected] of [
      ['  spaces count  \n', '  spaces count  '],
      ['windows line end\r\nsecond line\n', 'windows line end'],
      ['no line break at the end', 'no line break at the end'],
    ] as const) {
      await expect(readPassword(Readable.from([input]), screen, 'Password: ')).resolves.toBe(
        expected,
      );
    }
    expect(shown()).toBe('');
    await expect(readPassword(Readable.from([]), screen, 'Password: ')).rejects.toThrow(
      /No password on stdin/,
    );
  });
});
