/** A short coloured badge per file type, like the explorer of WeChat DevTools. */
export function fileBadge(name: string): { label: string; color: string } {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  switch (ext) {
    case 'wxml':
    case 'fxml':
      return { label: '<>', color: '#e37933' };
    case 'wxss':
    case 'ftss':
    case 'css':
    case 'less':
    case 'scss':
      return { label: '#', color: '#519aba' };
    case 'js':
    case 'wxs':
    case 'fts':
      return { label: 'JS', color: '#cbcb41' };
    case 'ts':
      return { label: 'TS', color: '#519aba' };
    case 'json':
      return { label: '{}', color: '#cbcb41' };
    case 'png':
    case 'jpg':
    case 'jpeg':
    case 'gif':
    case 'svg':
    case 'webp':
      return { label: '▣', color: '#a074c4' };
    default:
      return { label: '·', color: '#8b949e' };
  }
}
