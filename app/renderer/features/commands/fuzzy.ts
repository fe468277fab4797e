/** Fuzzy match score: every query character in order; consecutive runs and word starts score higher. -1 = no match. */
export function fuzzyScore(query: string, text: string): number {
  const q = query.toLowerCase();
  const s = text.toLowerCase();
  if (!q) return 0;
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const ch of q) {
    const index = s.indexOf(ch, from);
    if (index < 0) return -1;
    score += index === previous + 1 ? 3 : 1;
    if (index === 0 || /[\s/._-]/.test(s[index - 1]!)) score += 2;
    previous = index;
    from = index + 1;
  }
  // A contiguous occurrence beats scattered letters.
  if (s.includes(q)) score += q.length * 2;
  return score - s.length / 100;
}
