// Support data for WeChat's basic content components (text, icon, progress, rich-text).
import type { ComponentSupport } from './component-support';
import { bool, color, event, length, num, oneOf } from './component-support';

/** Every icon type WeChat draws; the view has an SVG for each. */
export const ICON_TYPES = [
  'success',
  'success_no_circle',
  'info',
  'warn',
  'waiting',
  'cancel',
  'download',
  'search',
  'clear',
  'circle',
  'info_circle',
] as const;

export const CONTENT_COMPONENTS: readonly ComponentSupport[] = [
  {
    name: 'text',
    category: 'basic-content',
    status: 'full',
    attributes: [
      bool('selectable'),
      bool('user-select'),
      oneOf('space', ['ensp', 'emsp', 'nbsp'], null),
      bool('decode'),
      num('max-lines', null, { status: 'unsupported', note: 'Skyline only; use CSS line-clamp.' }),
      oneOf('overflow', ['clip', 'fade', 'ellipsis', 'visible'], 'visible', { status: 'unsupported', note: 'Skyline only.' }),
    ],
    events: [],
  },
  {
    name: 'icon',
    category: 'basic-content',
    status: 'full',
    attributes: [oneOf('type', ICON_TYPES, null), length('size', 23), color('color', null)],
    events: [],
  },
  {
    name: 'progress',
    category: 'basic-content',
    status: 'full',
    attributes: [
      num('percent', 0),
      bool('show-info'),
      length('border-radius', 0),
      length('font-size', 16),
      length('stroke-width', 6),
      color('color', '#09BB07', { note: 'Deprecated in favour of activeColor.' }),
      color('active-color', '#09BB07'),
      color('background-color', '#EBEBEB'),
      bool('active'),
      oneOf('active-mode', ['backwards', 'forwards'], 'backwards'),
      num('duration', 30),
    ],
    events: [event('activeend', ['curPercent'])],
  },
  {
    name: 'rich-text',
    category: 'basic-content',
    status: 'full',
    attributes: [
      { name: 'nodes', type: 'nodes', default: [], note: 'Array of {name, attrs, children} / {type: "text", text} or an HTML string; sanitised.' },
      oneOf('space', ['ensp', 'emsp', 'nbsp'], null),
      bool('user-select'),
      oneOf('mode', ['default', 'aggressive', 'compat'], 'default', { status: 'unsupported', note: 'Skyline only.' }),
    ],
    events: [],
  },
  {
    name: 'selection',
    category: 'skyline',
    status: 'unsupported',
    attributes: [bool('disabled')],
    events: [],
    note: 'Skyline renderer only.',
  },
];
