// One `depends_on` entry as the benchmark generators build it before writing: a single service, an
// `any_of` group or a `quorum` group, hard or soft.

export function one(id, soft = false) {
  return { type: 'one', ids: [id], quorum: 1, soft };
}
export function anyOf(ids, soft = false) {
  return { type: 'any', ids, quorum: 1, soft };
}
export function quorumOf(quorum, ids, soft = false) {
  return { type: 'quorum', ids, quorum, soft };
}
