// Support data for WeChat's media, canvas, AI, worker, WXML-query, ad and Skyline APIs.
import type { ApiSupport } from './api-support';
import { apis } from './api-support';

export const MEDIA_APIS: readonly ApiSupport[] = [
  ...apis('wxml', 'full', ['createSelectorQuery', 'createIntersectionObserver']),
  ...apis('canvas', 'full', ['createOffscreenCanvas'], 'The logic layer’s own OffscreenCanvas (2d and webgl).'),
  ...apis('canvas', 'unsupported', ['createCanvasContext', 'canvasToTempFilePath', 'canvasGetImageData', 'canvasPutImageData'], 'The legacy canvas API draws through the view; use <canvas type="2d">.'),
  ...apis('media', 'unsupported', ['chooseImage', 'chooseMedia', 'chooseVideo', 'previewImage', 'previewMedia', 'saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum'], 'Needs a file chooser or an image viewer in the host shell.'),
  ...apis('media', 'unsupported', ['getImageInfo', 'compressImage', 'cropImage', 'editImage', 'getVideoInfo', 'compressVideo', 'checkDeviceSupportHevc', 'createVideoDecoder', 'createMediaContainer']),
  ...apis('media', 'unsupported', [
    'createInnerAudioContext',
    'createAudioContext',
    'createWebAudioContext',
    'createMediaAudioPlayer',
    'setInnerAudioOption',
    'getAvailableAudioSources',
    'getBackgroundAudioManager',
    'getBackgroundAudioPlayerState',
    'playBackgroundAudio',
    'pauseBackgroundAudio',
    'seekBackgroundAudio',
    'stopBackgroundAudio',
    'onBackgroundAudioPlay',
    'onBackgroundAudioPause',
    'onBackgroundAudioStop',
    'playVoice',
    'pauseVoice',
    'stopVoice',
    'startRecord',
    'stopRecord',
    'getRecorderManager',
    'createMediaRecorder',
  ], 'Audio plays in the host shell, which has no audio channel for the logic layer yet.'),
  ...apis('media', 'unsupported', ['createVideoContext', 'createCameraContext', 'createLivePlayerContext', 'createLivePusherContext', 'createMapContext'], 'Contexts of native components the simulator draws as placeholders.'),
  ...apis('ai', 'unsupported', ['createInferenceSession', 'getInferenceEnvInfo', 'createVKSession', 'isVKSupport', 'faceDetect', 'initFaceDetect', 'stopFaceDetect', 'getXrFrameSystem'], 'Needs WeChat’s native AI and XR engines.'),
  ...apis('worker', 'unsupported', ['createWorker'], 'Needs the package’s worker scripts served to a nested Worker.'),
  ...apis('ad', 'unsupported', ['createRewardedVideoAd', 'createInterstitialAd'], 'No ads in the simulator.'),
];
