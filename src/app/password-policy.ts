/**
 * The password policy, applied wherever a password is set (first-run setup, `zhibu user add`,
 * `zhibu user password`): at least 10 and at most 200 characters, not only spaces, not the user
 * name, and not easy to guess — judged by zxcvbn-ts (a maintained port of Dropbox's zxcvbn) with
 * its list of common passwords, keyboard patterns, dates and repeats, plus a few words every
 * attacker of a Party-work system tries first. Messages are for the user, in Chinese.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { ValidationError } from '../domain/errors.ts';

/** Length bounds in characters. */
export const PASSWORD_LENGTH = { min: 10, max: 200 } as const;

/**
 * The least zxcvbn score accepted: 3 means about 10^8 guesses or more ("safely unguessable"
 * against online attacks, moderate protection if the hashes leak).
 */
export const MIN_PASSWORD_SCORE = 3;

/** What every guesser tries first on this system (pinyin and the numbers of Chinese love notes). */
const LOCAL_WORDS = [
  'zhibu', 'dangzhibu', 'dangjian', 'dangyuan', 'dangwei', 'dangzuzhi', 'gongchandang', 'zhongguo', 'china',
  'woaini', 'aini', '5201314', '1314520', '521', 'qq', 'beijing', 'mima', 'zhanghao', 'guanliyuan', 'shuji',
];

let zxcvbn: ZxcvbnFactory | null = null;

function estimator(): ZxcvbnFactory {
  // Built on first use: the dictionaries take ~100 ms to index.
  zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...dictionary, zhibu: LOCAL_WORDS }, graphs: adjacencyGraphs });
  return zxcvbn;
}

/**
 * The reason this password may not be used by this user, in Chinese, or null when it may.
 * `context` holds the user name and display name: a password built from them is weak.
 */
export function passwordProblem(password: string, context: { username: string; displayName?: string | undefined }): string | null {
  if (password.trim() === '') return '密码不能为空或只有空格';
  if ([...password].length < PASSWORD_LENGTH.min) return `密码至少 ${PASSWORD_LENGTH.min} 个字符`;
  if ([...password].length > PASSWORD_LENGTH.max) return `密码最多 ${PASSWORD_LENGTH.max} 个字符`;
  const name = context.username.trim().toLowerCase();
  if (name && password.trim().toLowerCase() === name) return '密码不能与用户名相同';
  const inputs = [context.username, context.displayName ?? ''].map((s) => s.trim()).filter(Boolean);
  const r = estimator().check(password, inputs);
  if (r.score >= MIN_PASSWORD_SCORE) return null;
  const used = new Set(r.sequence.map((m) => ('dictionaryName' in m ? String(m.dictionaryName) : m.pattern)));
  if (used.has('userInputs')) return '密码过于简单：不要用用户名或姓名加上几个字符，请换一个';
  if (used.has('passwords-common') || used.has('zhibu')) return '这是常见密码或其简单变形，很容易被猜中，请换一个';
  return '密码太容易被猜中（常见词、键盘顺序、重复字符或日期）：请用几个不相关的词或一句较长的话';
}

/** Throws ValidationError (field `password`) when `passwordProblem` finds one. */
export function assertPasswordAllowed(password: string, context: { username: string; displayName?: string | undefined }): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new ValidationError(`密码不符合要求：${problem}`, [{ field: 'password', message: problem }]);
}
