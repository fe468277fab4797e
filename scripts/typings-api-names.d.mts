/** Members of `interface Wx` in miniprogram-api-typings' lib.wx.api.d.ts. */
export function readWxApiNames(): string[];
/** The installed miniprogram-api-typings version. */
export function typingsVersion(): string;
