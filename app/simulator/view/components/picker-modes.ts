// The column models behind <picker>'s five modes: columns of labels and selected indexes from the element's
// properties, how columns depend on each other, and the change detail each mode reports on confirm.
import type { Region, RegionTree } from './region-data';

export interface PickerState {
  readonly columns: readonly (readonly string[])[];
  readonly indexes: readonly number[];
}

export interface PickerMode {
  initial(): PickerState;
  /** A column settled on `index`: recompute dependent columns. */
  columnChanged(state: PickerState, column: number, index: number): PickerState;
  result(state: PickerState): Record<string, unknown>;
}

type Props = (name: string) => unknown;

const clampIndex = (index: number, length: number): number => Math.max(0, Math.min(length - 1, Number.isFinite(index) ? Math.round(index) : 0));
const pad = (n: number): string => String(n).padStart(2, '0');

function label(item: unknown, rangeKey: unknown): string {
  if (item !== null && typeof item === 'object' && typeof rangeKey === 'string' && rangeKey) return String((item as Record<string, unknown>)[rangeKey] ?? '');
  return item === null || item === undefined ? '' : String(item);
}

/** An array property that may also arrive as the JSON text of an HTML attribute. */
function asArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' && value.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      return [];
    }
  }
  return [];
}

function replaceAt(list: readonly number[], at: number, value: number): number[] {
  return list.map((current, index) => (index === at ? value : current));
}

export function selectorMode(props: Props): PickerMode {
  return {
    initial() {
      const range = Array.isArray(props('range')) ? (props('range') as unknown[]) : [];
      const column = range.map((item) => label(item, props('rangeKey')));
      return { columns: [column], indexes: [clampIndex(Number(props('value') ?? 0), column.length)] };
    },
    columnChanged: (state, _column, index) => ({ ...state, indexes: [index] }),
    result: (state) => ({ value: state.indexes[0] ?? 0 }),
  };
}

export function multiSelectorMode(props: Props): PickerMode {
  const build = (previous?: readonly number[]): PickerState => {
    const range = asArray(props('range'));
    const value = asArray(props('value'));
    const columns = range.map((column) => (Array.isArray(column) ? column.map((item) => label(item, props('rangeKey'))) : []));
    const indexes = columns.map((column, i) => clampIndex(Number(previous?.[i] ?? value[i] ?? 0), column.length));
    return { columns, indexes };
  };
  return {
    initial: () => build(),
    // Columns may be replaced by the page in its columnchange handler; the sheet re-reads them then.
    columnChanged: (state, column, index) => build(replaceAt(state.indexes, column, index)),
    result: (state) => ({ value: [...state.indexes] }),
  };
}

function parseTime(text: unknown, fallback: [number, number]): [number, number] {
  const match = /^(\d{1,2}):(\d{1,2})$/.exec(String(text ?? '').trim());
  if (!match) return fallback;
  return [Math.min(23, Number(match[1])), Math.min(59, Number(match[2]))];
}

export function timeMode(props: Props): PickerMode {
  const start = parseTime(props('start'), [0, 0]);
  const end = parseTime(props('end'), [23, 59]);
  const hours = Array.from({ length: end[0] - start[0] + 1 }, (_, i) => start[0] + i);
  const minutesFor = (hour: number): number[] => {
    const from = hour === start[0] ? start[1] : 0;
    const to = hour === end[0] ? end[1] : 59;
    return Array.from({ length: Math.max(1, to - from + 1) }, (_, i) => from + i);
  };
  const state = (hour: number, minute: number): PickerState => {
    const hourIndex = clampIndex(hours.indexOf(hour) >= 0 ? hours.indexOf(hour) : hour < start[0] ? 0 : hours.length - 1, hours.length);
    const minutes = minutesFor(hours[hourIndex]!);
    const minuteIndex = minutes.indexOf(minute) >= 0 ? minutes.indexOf(minute) : minute < minutes[0]! ? 0 : minutes.length - 1;
    return { columns: [hours.map(pad), minutes.map(pad)], indexes: [hourIndex, minuteIndex] };
  };
  const read = (s: PickerState): [number, number] => [Number(s.columns[0]![s.indexes[0]!]), Number(s.columns[1]![s.indexes[1]!])];
  return {
    initial: () => {
      const [hour, minute] = parseTime(props('value'), start);
      return state(hour, minute);
    },
    columnChanged: (s, column, index) => {
      const [hour, minute] = read({ ...s, indexes: replaceAt(s.indexes, column, index) });
      return state(hour, minute);
    },
    result: (s) => {
      const [hour, minute] = read(s);
      return { value: `${pad(hour)}:${pad(minute)}` };
    },
  };
}

interface YMD {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

function parseDate(text: unknown, fallback: YMD): YMD {
  const match = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(String(text ?? '').trim());
  if (!match) return fallback;
  return { y: Number(match[1]), m: Number(match[2] ?? 1), d: Number(match[3] ?? 1) };
}

const daysIn = (y: number, m: number): number => new Date(y, m, 0).getDate();
const compare = (a: YMD, b: YMD): number => a.y - b.y || a.m - b.m || a.d - b.d;

/** Column suffixes of the date picker (年 / 月 / 日 in Chinese). */
export interface DateSuffixes {
  readonly year: string;
  readonly month: string;
  readonly day: string;
}

export function dateMode(props: Props, suffixes: DateSuffixes = { year: '年', month: '月', day: '日' }, today: Date = new Date()): PickerMode {
  const start = parseDate(props('start'), { y: 1900, m: 1, d: 1 });
  const end = parseDate(props('end'), { y: 2100, m: 12, d: 31 });
  const fields = String(props('fields') ?? 'day');
  const columnCount = fields === 'year' ? 1 : fields === 'month' ? 2 : 3;
  const clamp = (date: YMD): YMD => (compare(date, start) < 0 ? start : compare(date, end) > 0 ? end : date);
  const state = (wanted: YMD): PickerState => {
    const date = clamp({ ...wanted, d: Math.min(wanted.d, daysIn(wanted.y, wanted.m)) });
    const years = Array.from({ length: end.y - start.y + 1 }, (_, i) => start.y + i);
    const fromMonth = date.y === start.y ? start.m : 1;
    const toMonth = date.y === end.y ? end.m : 12;
    const months = Array.from({ length: toMonth - fromMonth + 1 }, (_, i) => fromMonth + i);
    const fromDay = date.y === start.y && date.m === start.m ? start.d : 1;
    const toDay = date.y === end.y && date.m === end.m ? end.d : daysIn(date.y, date.m);
    const days = Array.from({ length: toDay - fromDay + 1 }, (_, i) => fromDay + i);
    const columns = [years.map((y) => `${y}${suffixes.year}`), months.map((m) => `${m}${suffixes.month}`), days.map((d) => `${d}${suffixes.day}`)].slice(0, columnCount);
    const indexes = [years.indexOf(date.y), months.indexOf(date.m), days.indexOf(date.d)].slice(0, columnCount);
    return { columns, indexes };
  };
  const read = (s: PickerState): YMD => ({
    y: Number.parseInt(s.columns[0]![s.indexes[0]!]!, 10),
    m: columnCount > 1 ? Number.parseInt(s.columns[1]![s.indexes[1]!]!, 10) : 1,
    d: columnCount > 2 ? Number.parseInt(s.columns[2]![s.indexes[2]!]!, 10) : 1,
  });
  return {
    initial: () => state(parseDate(props('value'), { y: today.getFullYear(), m: today.getMonth() + 1, d: today.getDate() })),
    columnChanged: (s, column, index) => state(read({ ...s, indexes: replaceAt(s.indexes, column, index) })),
    result: (s) => {
      const date = read(s);
      const parts = [String(date.y), pad(date.m), pad(date.d)].slice(0, columnCount);
      return { value: parts.join('-') };
    },
  };
}

export function regionMode(props: Props, tree: RegionTree): PickerMode {
  const level = String(props('level') ?? 'region');
  const columnCount = level === 'province' ? 1 : level === 'city' ? 2 : 3;
  const customItem = typeof props('customItem') === 'string' && props('customItem') ? String(props('customItem')) : '';
  const custom: Region = { code: '', name: customItem };
  const withCustom = (regions: readonly Region[]): readonly Region[] => (customItem ? [custom, ...regions] : regions);
  const levels = (indexes: readonly number[]): Region[][] => {
    const provinces = withCustom(tree.provinces);
    const province = provinces[clampIndex(indexes[0] ?? 0, provinces.length)];
    const cities = withCustom(province?.code ? tree.citiesOf(province.code) : []);
    const city = cities[clampIndex(indexes[1] ?? 0, cities.length)];
    const districts = withCustom(city?.code ? tree.districtsOf(city.code) : []);
    return [[...provinces], [...cities], [...districts]].slice(0, columnCount);
  };
  const state = (indexes: readonly number[]): PickerState => {
    const lists = levels(indexes);
    return { columns: lists.map((list) => list.map((region) => region.name)), indexes: lists.map((list, i) => clampIndex(indexes[i] ?? 0, list.length)) };
  };
  return {
    initial: () => {
      const names = asArray(props('value')).map(String);
      const indexes: number[] = [];
      for (let column = 0; column < columnCount; column++) {
        const list = levels(indexes)[column] ?? [];
        indexes.push(Math.max(0, list.findIndex((region) => region.name === names[column])));
      }
      return state(indexes);
    },
    columnChanged: (s, column, index) => state(replaceAt(s.indexes, column, index).map((value, i) => (i > column ? 0 : value))),
    result: (s) => {
      const lists = levels(s.indexes);
      const chosen = lists.map((list, i) => list[s.indexes[i] ?? 0]);
      return { value: chosen.map((region) => region?.name ?? ''), code: chosen.map((region) => region?.code ?? ''), postcode: '' };
    },
  };
}
