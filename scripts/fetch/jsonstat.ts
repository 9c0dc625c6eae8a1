// Reads the small part of JSON-stat (https://json-stat.org/format/) that Statistikbanken's data
// call returns with "format": "JSONSTAT": one dataset, its dimensions in order (`id`, `size`),
// each with its category codes (`category.index`, an object of code → position or a list), and
// the values in row-major order (`value`, a list or an object of position → value; null where a
// figure is not shown). Statistikbanken answers in JSON-stat 1.x, wrapped as { "dataset": { … } }
// with `id`, `size` and `role` inside `dimension`; JSON-stat 2.0 ({ "class": "dataset", … },
// `id` and `size` at the top) is read too. Pure: parsed JSON in, a Cube out.
//
// A library exists (jsonstat-toolkit), but it has no TypeScript types and does far more than this;
// the subset below is small, documented and tested on its own (test/unit/fetch-jsonstat.test.ts).

/** A dataset as dimensions and cells. */
export interface Cube {
  /** Dimension ids in the order of the values, e.g. ["OMRÅDE", "Tid"]. */
  dimensions: string[];
  /** Each dimension's category codes in order. */
  codes: Record<string, string[]>;
  /** Each dimension's code → label, where the dataset gives labels. */
  labels: Record<string, Record<string, string>>;
  /** The time dimension's id, from `role.time`, when the dataset names one. */
  time?: string;
  /** One entry per cell: a number, or null when the figure is not shown (e.g. "..") . */
  values: (number | null)[];
  /** Per cell, the status the dataset gives (e.g. ".."), when any. */
  status: (string | undefined)[];
  /** The dataset's `updated` time, as given. */
  updated?: string;
}

/** The answer is not JSON-stat of the expected shape; the message says what is wrong, in Danish (it reaches the editor). */
export class JsonStatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JsonStatError";
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function categoryCodes(id: string, dimension: unknown, size: number): { codes: string[]; labels: Record<string, string> } {
  if (!isObject(dimension) || !isObject(dimension.category)) throw new JsonStatError(`dimensionen ${id} har ingen category`);
  const { index, label } = dimension.category;
  const labels = isObject(label) ? Object.fromEntries(Object.entries(label).map(([k, v]) => [k, String(v)])) : {};
  let codes: string[];
  if (Array.isArray(index)) codes = index.map(String);
  else if (isObject(index)) {
    codes = new Array<string>(size);
    for (const [code, position] of Object.entries(index)) {
      if (typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= size) {
        throw new JsonStatError(`dimensionen ${id}: pladsen for ${code} ligger uden for størrelsen ${size}`);
      }
      codes[position] = code;
    }
  } else if (size === 1 && Object.keys(labels).length === 1) codes = Object.keys(labels);
  else throw new JsonStatError(`dimensionen ${id} har intet category.index`);
  if (codes.length !== size || codes.some((code) => code === undefined)) throw new JsonStatError(`dimensionen ${id} har ${codes.length} koder, men størrelsen ${size}`);
  return { codes, labels };
}

function cellList<T>(input: unknown, length: number, read: (value: unknown) => T, empty: T, name: string): T[] {
  if (input === undefined) return new Array<T>(length).fill(empty);
  if (Array.isArray(input)) {
    if (input.length !== length) throw new JsonStatError(`${name} har ${input.length} celler, men dimensionerne giver ${length}`);
    return input.map(read);
  }
  if (isObject(input)) {
    const cells = new Array<T>(length).fill(empty);
    for (const [key, value] of Object.entries(input)) {
      const position = Number(key);
      if (!Number.isInteger(position) || position < 0 || position >= length) throw new JsonStatError(`${name} har pladsen ${key} uden for 0–${length - 1}`);
      cells[position] = read(value);
    }
    return cells;
  }
  if (typeof input === "string" && name === "status") return new Array<T>(length).fill(read(input));
  throw new JsonStatError(`${name} er hverken en liste eller et objekt`);
}

/** Reads a JSON-stat 1.x bundle ({ "dataset": … }) or a JSON-stat 2.0 dataset; throws JsonStatError when the shape is wrong. */
export function readJsonStat(input: unknown): Cube {
  if (!isObject(input)) throw new JsonStatError("svaret er ikke et JSON-objekt");
  const dataset = input.class === "dataset" ? input : isObject(input.dataset) ? input.dataset : undefined;
  if (!dataset) throw new JsonStatError('svaret har intet "dataset"');
  const dimension = dataset.dimension;
  if (!isObject(dimension)) throw new JsonStatError('svaret har intet "dimension"');
  // JSON-stat 2.0 puts id, size and role at the top of the dataset; 1.x inside "dimension".
  const holder = Array.isArray(dataset.id) ? dataset : dimension;
  const ids = holder.id;
  const sizes = holder.size;
  if (!Array.isArray(ids) || !ids.every((x) => typeof x === "string")) throw new JsonStatError('svaret har ingen liste over dimensioner ("id")');
  if (!Array.isArray(sizes) || sizes.length !== ids.length || !sizes.every((x) => typeof x === "number" && Number.isInteger(x) && x >= 0)) {
    throw new JsonStatError('svarets "size" passer ikke til dimensionerne');
  }
  const codes: Record<string, string[]> = {};
  const labels: Record<string, Record<string, string>> = {};
  ids.forEach((id, i) => {
    const read = categoryCodes(id, dimension[id], sizes[i] as number);
    codes[id] = read.codes;
    labels[id] = read.labels;
  });
  const length = (sizes as number[]).reduce((a, b) => a * b, 1);
  if (dataset.value === undefined) throw new JsonStatError('svaret har intet "value"');
  const values = cellList(
    dataset.value,
    length,
    (value) => {
      if (value === null) return null;
      if (typeof value === "number" && Number.isFinite(value)) return value;
      // Some producers write the ".." mark itself where a figure is not shown.
      if (typeof value === "string" && /^\.{2,3}$|^-$/.test(value.trim())) return null;
      throw new JsonStatError(`en værdi er hverken et tal eller null: ${JSON.stringify(value).slice(0, 40)}`);
    },
    null,
    "value",
  );
  const status = cellList(
    dataset.status,
    length,
    (value) => (value === null || value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value)),
    undefined as string | undefined,
    "status",
  );
  const role = isObject(holder.role) ? holder.role : isObject(dimension.role) ? dimension.role : undefined;
  const time = Array.isArray(role?.time) && typeof role.time[0] === "string" ? role.time[0] : undefined;
  return { dimensions: ids, codes, labels, time, values, status, updated: typeof dataset.updated === "string" ? dataset.updated : undefined };
}

/** One cell: its code in every dimension, its value (null: not shown) and status. */
export interface Cell {
  codes: Record<string, string>;
  value: number | null;
  status?: string;
}

/** Every cell of the cube, in order. */
export function cubeCells(cube: Cube): Cell[] {
  const sizes = cube.dimensions.map((id) => cube.codes[id]!.length);
  return cube.values.map((value, position) => {
    const codes: Record<string, string> = {};
    let rest = position;
    for (let d = cube.dimensions.length - 1; d >= 0; d--) {
      const id = cube.dimensions[d]!;
      codes[id] = cube.codes[id]![rest % sizes[d]!]!;
      rest = Math.floor(rest / sizes[d]!);
    }
    return { codes, value, status: cube.status[position] };
  });
}
