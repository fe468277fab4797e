// Chinese provinces, cities and districts for <picker mode="region">, from @vant/area-data (MIT): 6-digit
// administrative codes as WeChat reports them in change.detail.code. Loaded on first use.

export interface Region {
  readonly code: string;
  readonly name: string;
}

export interface RegionTree {
  readonly provinces: readonly Region[];
  citiesOf(provinceCode: string): readonly Region[];
  districtsOf(cityCode: string): readonly Region[];
}

let loading: Promise<RegionTree> | undefined;

function sorted(list: Record<string, string>): Region[] {
  return Object.entries(list)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

function groupBy(regions: readonly Region[], prefixLength: number): Map<string, Region[]> {
  const groups = new Map<string, Region[]>();
  for (const region of regions) {
    const key = region.code.slice(0, prefixLength);
    const group = groups.get(key);
    if (group) group.push(region);
    else groups.set(key, [region]);
  }
  return groups;
}

export function loadRegions(): Promise<RegionTree> {
  loading ??= import('@vant/area-data').then(({ areaList }) => {
    const provinces = sorted(areaList.province_list);
    const cities = groupBy(sorted(areaList.city_list), 2);
    const districts = groupBy(sorted(areaList.county_list), 4);
    return {
      provinces,
      citiesOf: (provinceCode) => cities.get(provinceCode.slice(0, 2)) ?? [],
      districtsOf: (cityCode) => districts.get(cityCode.slice(0, 4)) ?? [],
    };
  });
  return loading;
}
