/**
 * The desktop stand-in for WeChat's album and camera: the browser's file chooser. Files are read here, where
 * there is a DOM to measure images and videos (and to compress images when the call asks for "compressed").
 */
import type { ChosenFile } from '../protocol';
import { showActionSheet } from './action-sheet';

export interface ChooseRequest {
  readonly accept: string;
  readonly multiple: boolean;
  readonly camera: boolean;
  readonly album: boolean;
  readonly compress: boolean;
  readonly chinese: boolean;
  readonly safeBottom: number;
}

export interface ChooseAnswer {
  readonly files: ChosenFile[] | null;
  readonly source: 'album' | 'camera';
}

export async function chooseFiles(screen: HTMLElement, request: ChooseRequest): Promise<ChooseAnswer> {
  const zh = request.chinese;
  let source: 'album' | 'camera' = request.album ? 'album' : 'camera';
  const ask = (items: string[], alertText: string) =>
    new Promise<number | null>((resolve) => showActionSheet(screen, { itemList: items, itemColor: '#000000', alertText, cancelText: zh ? '取消' : 'Cancel', safeBottom: request.safeBottom }, resolve));
  if (request.camera && request.album) {
    // WeChat asks first when both sources are allowed
    const photoOnly = !request.accept.includes('video');
    const choice = await ask([zh ? (photoOnly ? '拍照' : '拍摄') : photoOnly ? 'Take Photo' : 'Take Photo or Video', zh ? '从手机相册选择' : 'Choose from Album'], '');
    if (choice === null) return { files: null, source };
    source = choice === 0 ? 'camera' : 'album';
  }
  const noCamera = source === 'camera' && !(request.camera && request.album);
  if (noCamera || !hasUserActivation()) {
    // a browser opens its chooser only right after a click: the sheet's button provides one
    const alert = source === 'camera' ? (zh ? '模拟器没有摄像头，请从电脑选择文件' : 'The simulator has no camera: pick a file from this computer') : '';
    const choice = await ask([zh ? '选择文件' : 'Choose File'], alert);
    if (choice === null) return { files: null, source };
  }
  const picked = await openChooser(request.accept, request.multiple);
  if (!picked) return { files: null, source };
  const files = await Promise.all(picked.map((file) => readChosen(file, request.compress)));
  return { files, source };
}

function hasUserActivation(): boolean {
  const activation = (navigator as Navigator & { userActivation?: { isActive: boolean } }).userActivation;
  return activation ? activation.isActive : true;
}

function openChooser(accept: string, multiple: boolean): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.hidden = true;
    input.dataset.msChooser = '';
    const finish = (files: File[] | null) => {
      input.remove();
      resolve(files && files.length > 0 ? files : null);
    };
    input.addEventListener('change', () => finish(input.files ? [...input.files] : null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    document.body.appendChild(input);
    input.click();
  });
}

async function readChosen(file: File, compress: boolean): Promise<ChosenFile> {
  const base = { name: file.name, mimeType: file.type, lastModified: file.lastModified };
  if (file.type.startsWith('image/')) {
    const image = await decodeImage(file);
    if (!image) return { ...base, bytes: await file.arrayBuffer() };
    const size = { width: image.width, height: image.height };
    const shrinkable = compress && !/gif|svg/.test(file.type);
    const jpeg = shrinkable ? await toJpeg(image) : undefined;
    image.close();
    if (jpeg) return { ...base, name: file.name.replace(/\.[^.]*$/, '') + '.jpg', mimeType: 'image/jpeg', bytes: await jpeg.arrayBuffer(), ...size };
    return { ...base, bytes: await file.arrayBuffer(), ...size };
  }
  if (file.type.startsWith('video/')) return { ...base, bytes: await file.arrayBuffer(), ...(await videoFacts(file)) };
  return { ...base, bytes: await file.arrayBuffer() };
}

async function decodeImage(file: File): Promise<ImageBitmap | undefined> {
  try {
    return await createImageBitmap(file);
  } catch {
    return undefined;
  }
}

/** WeChat's "compressed" size type: a JPEG at about 80% quality, same dimensions. */
function toJpeg(image: ImageBitmap): Promise<Blob | undefined> {
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  if (!context) return Promise.resolve(undefined);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0);
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob ?? undefined), 'image/jpeg', 0.8));
}

function videoFacts(file: File): Promise<{ width?: number; height?: number; duration?: number }> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    const url = URL.createObjectURL(file);
    const done = (facts: { width?: number; height?: number; duration?: number }) => {
      URL.revokeObjectURL(url);
      resolve(facts);
    };
    video.preload = 'metadata';
    video.onloadedmetadata = () => done({ width: video.videoWidth, height: video.videoHeight, duration: Number.isFinite(video.duration) ? video.duration : 0 });
    video.onerror = () => done({});
    video.src = url;
  });
}
