/** The full-screen viewer of wx.previewImage/previewMedia: swipe or arrow keys between items, a tap closes it. */
import type { PreviewSource } from '../protocol';

const SWIPE_DISTANCE = 40;
const TAP_SLOP = 8;

export function showMediaViewer(screen: HTMLElement, sources: readonly PreviewSource[], current: number, resolveUrl: (url: string) => string): void {
  screen.querySelector('.ms-viewer')?.remove();
  const viewer = document.createElement('div');
  viewer.className = 'ms-viewer';
  viewer.setAttribute('role', 'dialog');
  viewer.tabIndex = -1;
  const track = document.createElement('div');
  track.className = 'ms-viewer-track';
  const slides = sources.map((source) => {
    const slide = document.createElement('div');
    slide.className = 'ms-viewer-slide';
    if (source.type === 'video') {
      const video = document.createElement('video');
      video.controls = true;
      video.src = resolveUrl(source.url);
      if (source.poster) video.poster = resolveUrl(source.poster);
      slide.appendChild(video);
    } else {
      const image = document.createElement('img');
      image.alt = '';
      image.draggable = false;
      image.src = resolveUrl(source.url);
      slide.appendChild(image);
    }
    track.appendChild(slide);
    return slide;
  });
  const counter = document.createElement('div');
  counter.className = 'ms-viewer-counter';
  viewer.append(track, counter);

  let index = current;
  const show = (next: number) => {
    index = Math.min(Math.max(next, 0), sources.length - 1);
    track.style.transform = `translateX(${-index * 100}%)`;
    counter.textContent = sources.length > 1 ? `${index + 1} / ${sources.length}` : '';
    slides.forEach((slide, i) => slide.setAttribute('aria-hidden', String(i !== index)));
    for (const video of viewer.querySelectorAll('video')) if (video.parentElement !== slides[index]) video.pause();
  };
  const close = () => {
    window.removeEventListener('keydown', onKey, true);
    viewer.remove();
  };
  const onKey = (event: KeyboardEvent) => {
    if (!viewer.isConnected) return close();
    if (event.key === 'ArrowRight') show(index + 1);
    else if (event.key === 'ArrowLeft') show(index - 1);
    else if (event.key === 'Escape') close();
    else return;
    event.preventDefault();
  };

  let start: { x: number; y: number } | undefined;
  viewer.addEventListener('pointerdown', (event) => {
    start = { x: event.clientX, y: event.clientY };
  });
  viewer.addEventListener('pointerup', (event) => {
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    start = undefined;
    if (Math.abs(dx) >= SWIPE_DISTANCE && Math.abs(dx) > Math.abs(dy)) show(dx < 0 ? index + 1 : index - 1);
    else if (Math.abs(dx) < TAP_SLOP && Math.abs(dy) < TAP_SLOP && !(event.target instanceof HTMLVideoElement)) close();
  });
  window.addEventListener('keydown', onKey, true);
  screen.appendChild(viewer);
  show(index);
  viewer.focus();
}
