import 'reflect-metadata';
import { getMetadataStorage, IsInt, IsString, MetadataStorage, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './metadata-cache';

describe('cacheValidationMetadata', () => {
  it('answers a repeated lookup (and its grouping) from memory, per set of options', () => {
    class Line {
      @IsString() name!: string;
    }
    // A storage of our own holding Line's metadata, so the test does not patch the global one.
    const storage = new MetadataStorage();
    const global = getMetadataStorage();
    const metas = global.getTargetValidationMetadatas(Line, '', false, false);
    metas.forEach((m) => storage.addValidationMetadata(m));
    const original = storage.getTargetValidationMetadatas.bind(storage);
    const spy = jest.fn(original);
    storage.getTargetValidationMetadatas = spy;

    cacheValidationMetadata(storage);
    const first = storage.getTargetValidationMetadatas(Line, '', false, false);
    const second = storage.getTargetValidationMetadatas(Line, '', false, false);
    expect(second).toBe(first);
    expect(first.map((m) => m.propertyName)).toEqual(['name']);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(second));
    // Other options are another lookup.
    storage.getTargetValidationMetadatas(Line, '', true, false);
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('forgets what it kept when a decorator registers more metadata', () => {
    const storage = new MetadataStorage();
    cacheValidationMetadata(storage);
    class Plan {}
    expect(storage.getTargetValidationMetadatas(Plan, '', false, false)).toEqual([]);
    const global = getMetadataStorage();
    class Source {
      @IsInt() amount!: number;
    }
    for (const m of global.getTargetValidationMetadatas(Source, '', false, false)) {
      storage.addValidationMetadata({ ...m, target: Plan });
    }
    expect(storage.getTargetValidationMetadatas(Plan, '', false, false).map((m) => m.propertyName)).toEqual([
      'amount',
    ]);
  });

  it('is installed once, and validation through the global storage still reports errors', () => {
    cacheValidationMetadata();
    cacheValidationMetadata();
    class Order {
      @IsInt() order_amount!: number;
    }
    const bad = Object.assign(new Order(), { order_amount: '10' });
    expect(validateSync(bad).map((e) => e.property)).toEqual(['order_amount']);
    // Registered after the memo was installed: still seen.
    class Later {
      @IsString() name!: string;
    }
    expect(validateSync(Object.assign(new Later(), { name: 1 })).map((e) => e.property)).toEqual(['name']);
    expect(validateSync(Object.assign(new Order(), { order_amount: 10 }))).toEqual([]);
  });
});
