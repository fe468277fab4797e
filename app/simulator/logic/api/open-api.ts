/**
 * WeChat's open interfaces, simulated: login codes, user profile, authorization scopes, payment and
 * subscription messages. Whatever a phone would ask the user, the simulator asks the developer.
 */
import type { WxHost } from '../wx-api';
import { ApiFailure } from '../wx-callbacks';
import { simulatedNotice, type ApiMaker } from './api-maker';
import { confirmInSimulator, localized } from './confirm';

const SIMULATED_USER = {
  nickName: '微信用户',
  avatarUrl: 'https://thirdwx.qlogo.cn/mmopen/vi_32/POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg/132',
  gender: 0,
  country: '',
  province: '',
  city: '',
  language: 'zh_CN',
};

const KNOWN_SCOPES = new Set([
  'scope.userInfo',
  'scope.userLocation',
  'scope.userFuzzyLocation',
  'scope.userLocationBackground',
  'scope.record',
  'scope.camera',
  'scope.bluetooth',
  'scope.writePhotosAlbum',
  'scope.addPhoneContact',
  'scope.addPhoneCalendar',
  'scope.werun',
  'scope.address',
  'scope.invoiceTitle',
  'scope.invoice',
]);

export function createOpenApi(host: WxHost, api: ApiMaker): Record<string, unknown> {
  const granted = new Map<string, boolean>();
  const profile = () => {
    const rawData = JSON.stringify(SIMULATED_USER);
    return { userInfo: { ...SIMULATED_USER }, rawData, signature: 'simulated-signature', encryptedData: '', iv: '', cloudID: '' };
  };
  const settings = () => ({ authSetting: Object.fromEntries(granted), subscriptionsSetting: { mainSwitch: true, itemSettings: {} } });

  return {
    login: api('login', () => {
      const code = `simulated_${Math.random().toString(36).slice(2, 12)}`;
      simulatedNotice(host, 'login', `returned the simulated code "${code}"; WeChat's code2Session will reject it`);
      return { code };
    }),
    checkSession: api('checkSession', () => undefined),
    getUserProfile: api('getUserProfile', async (o) => {
      if (typeof o.desc !== 'string' || o.desc === '') throw new ApiFailure('getUserProfile:fail parameter error: parameter.desc should be String instead of Undefined;');
      const allowed = await confirmInSimulator(host, localized(host, '获取你的昵称、头像', 'Share your nickname and avatar'), o.desc, localized(host, '允许', 'Allow'), localized(host, '拒绝', 'Deny'));
      if (!allowed) throw new ApiFailure('getUserProfile:fail auth deny');
      return profile();
    }),
    getUserInfo: api('getUserInfo', () => profile()),
    authorize: api('authorize', async (o) => {
      const scope = o.scope;
      if (typeof scope !== 'string' || !KNOWN_SCOPES.has(scope)) throw new ApiFailure(`authorize:fail invalid scope${typeof scope === 'string' ? ` ${scope}` : ''}`);
      if (granted.get(scope) === true) return {};
      if (granted.get(scope) === false) throw new ApiFailure('authorize:fail auth deny');
      const allowed = await confirmInSimulator(host, localized(host, '授权请求', 'Permission request'), scope, localized(host, '允许', 'Allow'), localized(host, '拒绝', 'Deny'));
      granted.set(scope, allowed);
      if (!allowed) throw new ApiFailure('authorize:fail auth deny');
      return {};
    }),
    getSetting: api('getSetting', () => settings()),
    openSetting: api('openSetting', () => {
      // The settings page lets the user turn denied scopes back on; the simulator resets them to "ask again".
      for (const [scope, value] of granted) if (!value) granted.delete(scope);
      simulatedNotice(host, 'openSetting', 'denied scopes were reset so they can be asked again');
      return settings();
    }),
    requestPayment: api('requestPayment', async (o) => {
      for (const key of ['timeStamp', 'nonceStr', 'package', 'paySign']) {
        if (typeof o[key] !== 'string' || o[key] === '') throw new ApiFailure(`requestPayment:fail parameter error: parameter.${key} should be String`);
      }
      const paid = await confirmInSimulator(host, localized(host, '模拟支付', 'Simulated payment'), String(o.package), localized(host, '支付成功', 'Succeed'), localized(host, '取消支付', 'Cancel'));
      if (!paid) throw new ApiFailure('requestPayment:fail cancel');
      return {};
    }),
    requestSubscribeMessage: api('requestSubscribeMessage', async (o) => {
      const ids = o.tmplIds;
      if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => typeof id !== 'string')) throw new ApiFailure('requestSubscribeMessage:fail parameter error: parameter.tmplIds should be a non-empty Array of String');
      if (ids.length > 3) throw new ApiFailure('requestSubscribeMessage:fail TmplIds can not be more than 3');
      const accepted = await confirmInSimulator(host, localized(host, '订阅消息', 'Subscribe to messages'), ids.join('\n'), localized(host, '允许', 'Allow'), localized(host, '取消', 'Cancel'));
      return Object.fromEntries(ids.map((id: string) => [id, accepted ? 'accept' : 'reject']));
    }),
  };
}
