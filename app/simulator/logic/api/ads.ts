/**
 * Interstitial and rewarded-video ads. The simulator has no ad network, so every ad object behaves like a
 * phone with no ad to serve: `load()`/`show()` reject and `onError` listeners hear the same failure.
 */
import type { WxHost } from '../wx-api';
import { ListenerSet, simulatedNotice } from './api-maker';

/** WeChat's "no suitable ad" code, which pages already handle as the ordinary no-fill case. */
const NO_AD_CODE = 1004;

export interface AdError {
  readonly errMsg: string;
  readonly errCode: number;
}

export function createAdsApi(host: WxHost): Record<string, unknown> {
  let noticed = false;
  const notice = (api: string) => {
    if (noticed) return;
    noticed = true;
    simulatedNotice(host, api, 'ads are simulated: load() and show() fail with errCode 1004 (no ad) and onError hears it');
  };
  // WeChat returns one rewarded-video ad per unit id: pages that create it again get the same listeners.
  const rewarded = new Map<string, Record<string, unknown>>();

  return {
    createInterstitialAd: () => {
      notice('createInterstitialAd');
      return createAd(host, 'InterstitialAd');
    },
    createRewardedVideoAd: (options?: { adUnitId?: unknown }) => {
      notice('createRewardedVideoAd');
      const key = typeof options?.adUnitId === 'string' ? options.adUnitId : '';
      let ad = rewarded.get(key);
      if (!ad) rewarded.set(key, (ad = createAd(host, 'RewardedVideoAd', () => rewarded.delete(key))));
      return ad;
    },
  };
}

function createAd(host: WxHost, kind: string, onDestroy?: () => void): Record<string, unknown> {
  const loaded = new ListenerSet<[]>(host, `${kind}.onLoad`);
  const errors = new ListenerSet<[AdError]>(host, `${kind}.onError`);
  const closed = new ListenerSet<[{ isEnded: boolean }]>(host, `${kind}.onClose`);
  let destroyed = false;

  const fail = (method: 'load' | 'show'): Promise<never> => {
    const error: AdError = { errMsg: `${method}:fail no ad in the simulator`, errCode: NO_AD_CODE };
    // Listeners hear it after the caller has had the chance to attach them, as on a phone.
    setTimeout(() => {
      if (!destroyed) errors.emit(error);
    }, 0);
    return Promise.reject(error);
  };
  // A phone fetches an ad as soon as the object is made; here that fetch fails through onError only.
  fail('load').catch(() => undefined);

  return {
    load: () => fail('load'),
    show: () => fail('show'),
    destroy: () => {
      destroyed = true;
      loaded.off();
      errors.off();
      closed.off();
      onDestroy?.();
    },
    onLoad: loaded.on,
    offLoad: loaded.off,
    onError: errors.on,
    offError: errors.off,
    onClose: closed.on,
    offClose: closed.off,
  };
}
