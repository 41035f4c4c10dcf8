/**
 * One optional configuration key in a `config.set` patch: the new value, `null` to remove a key
 * the user file has, or nothing when it is neither set nor wanted (the core refuses `null` for a
 * key it does not have).
 */
export function optionalKey<K extends string, V>(
  key: K,
  next: V | undefined,
  current: V | undefined,
): Partial<Record<K, V | null>> {
  if (next !== undefined) return { [key]: next } as Record<K, V>;
  return current !== undefined ? ({ [key]: null } as Record<K, null>) : {};
}
