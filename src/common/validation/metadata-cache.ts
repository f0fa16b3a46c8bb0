import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Metadatas = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const INSTALLED = Symbol.for('autopay.class-validator.metadata-cache');

/**
 * Memoizes class-validator's metadata lookup, which it redoes for every object it validates: for each DTO (and
 * each nested line) it filters the DTO's metadata and then scans every registered class for inheritance, then
 * groups the result by property. With the API's ~100 DTO classes that was ~100 KB of garbage per order request
 * and a visible share of its CPU (issue #16). The answers depend only on the registered metadata, so they are
 * kept until a decorator registers more (decorators run at class definition, i.e. at start-up), which clears
 * them. Callers only read the returned arrays and groups (ValidationExecutor), so sharing them is safe.
 * Idempotent: a second call changes nothing.
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;

  let lookups = new Map<string, Metadatas>();
  let groups = new WeakMap<Metadatas, Grouped>();
  const clear = () => {
    lookups = new Map();
    groups = new WeakMap();
  };

  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  let nextId = 0;
  const classIds = new WeakMap<object, number>();
  const classId = (target: unknown): string => {
    if (typeof target !== 'function') return `s:${String(target)}`;
    let id = classIds.get(target);
    if (id === undefined) classIds.set(target, (id = ++nextId));
    return `c:${id}`;
  };

  storage.getTargetValidationMetadatas = (
    targetConstructor,
    targetSchema,
    always,
    strictGroups,
    groupNames,
  ) => {
    const key = `${classId(targetConstructor)}|${targetSchema}|${always}|${strictGroups}|${groupNames?.join('\u0000') ?? ''}`;
    let found = lookups.get(key);
    if (found === undefined) {
      found = lookUp(targetConstructor, targetSchema, always, strictGroups, groupNames);
      lookups.set(key, found);
    }
    return found;
  };

  const group = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadatas) => {
    let found = groups.get(metadatas);
    if (found === undefined) {
      found = group(metadatas);
      groups.set(metadatas, found);
    }
    return found;
  };

  const addValidation = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    clear();
    addValidation(metadata);
  };
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  storage.addConstraintMetadata = (metadata) => {
    clear();
    addConstraint(metadata);
  };
}
