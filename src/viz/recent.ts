// A pure string → string function that remembers its last `size` answers, least recently used out first:
// for work a page repeats on the same input at every re-render (sanitising, typesetting).
export function rememberRecent(size: number, compute: (key: string) => string): (key: string) => string {
  const recent = new Map<string, string>();
  return (key) => {
    const known = recent.get(key);
    if (known !== undefined) {
      recent.delete(key); // most recently used goes last
      recent.set(key, known);
      return known;
    }
    const value = compute(key);
    recent.set(key, value);
    if (recent.size > size) recent.delete(recent.keys().next().value!);
    return value;
  };
}
