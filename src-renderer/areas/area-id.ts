export const areaIds = ['reception', 'queue', 'search', 'batch', 'settings'] as const;
export type AreaId = (typeof areaIds)[number];
