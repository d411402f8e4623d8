/** Inputs that attack the parser, shared by the tests that prove it survives them. */

/** "Billion laughs": nine levels of nine aliases each, a few lines that expand to 9^9 nodes. */
export function aliasBombLines(): string {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    text += `${names[i]}: &${names[i]} [${Array(9)
      .fill(`*${names[i - 1]}`)
      .join(', ')}]\n`;
  }
  return text;
}
