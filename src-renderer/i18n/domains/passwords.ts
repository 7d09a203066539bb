import type { PasswordWarning } from '../../../src-shared/password-policy';
import type { ResourceTree } from '../en';

/**
 * The password policy's verdicts (src-shared/password-policy.ts) where an admin sets a
 * password. `weak` has one sentence per zxcvbn warning, and `generic` when it gives none.
 */
export const passwordsEn = {
  help: 'At least {{min}} characters and hard to guess: a few unrelated words are best',
  weak: {
    generic: 'Too easy to guess: add another word or two, uncommon ones.',
    straightRow: 'Too easy to guess: a straight row of keys. Use a few unrelated words instead.',
    keyPattern: 'Too easy to guess: a keyboard pattern. Use a few unrelated words instead.',
    simpleRepeat: 'Too easy to guess: a repeated character, like “aaa”.',
    extendedRepeat: 'Too easy to guess: a repeated group of characters, like “abcabc”.',
    sequences: 'Too easy to guess: a sequence like “abc” or “123”.',
    recentYears: 'Too easy to guess: recent years are among the first things tried.',
    dates: 'Too easy to guess: dates are among the first things tried.',
    topTen: 'This is one of the ten most used passwords.',
    topHundred: 'This is one of the hundred most used passwords.',
    common: 'This is a commonly used password.',
    similarToCommon: 'Too close to a commonly used password.',
    wordByItself: 'A single word is easy to guess: add another word or two.',
    namesByThemselves: 'A name by itself is easy to guess: add other words.',
    commonNames: 'Common names are easy to guess: add other words.',
    userInputs: 'Do not use the username, the person’s name or “OrderLine” in the password.',
    pwned: 'This password appeared in a data breach: choose another one.',
  } satisfies Record<PasswordWarning | 'generic', string>,
};

export const passwordsZh: ResourceTree<typeof passwordsEn> = {
  help: '至少 {{min}} 个字符且不易猜中：几个互不相关的词最好',
  weak: {
    generic: '太容易被猜中：请再加一两个不常见的词。',
    straightRow: '太容易被猜中：这是键盘上连续的一排键。请改用几个互不相关的词。',
    keyPattern: '太容易被猜中：这是键盘图案。请改用几个互不相关的词。',
    simpleRepeat: '太容易被猜中：重复的字符，如“aaa”。',
    extendedRepeat: '太容易被猜中：重复的字符组，如“abcabc”。',
    sequences: '太容易被猜中：“abc”或“123”这样的序列。',
    recentYears: '太容易被猜中：最近的年份总是最先被尝试。',
    dates: '太容易被猜中：日期总是最先被尝试。',
    topTen: '这是最常用的十个密码之一。',
    topHundred: '这是最常用的一百个密码之一。',
    common: '这是常用密码。',
    similarToCommon: '与常用密码太相似。',
    wordByItself: '单个词很容易被猜中：请再加一两个词。',
    namesByThemselves: '单独的姓名很容易被猜中：请加上其他词。',
    commonNames: '常见姓名很容易被猜中：请加上其他词。',
    userInputs: '密码中不要使用用户名、姓名或“OrderLine”。',
    pwned: '此密码出现在已泄露的数据中：请换一个。',
  },
};
