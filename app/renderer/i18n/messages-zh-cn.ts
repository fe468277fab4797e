import type { MessageKey } from './messages-en';

/** 简体中文界面文本。 */
export const messagesZhCn: Record<MessageKey, string> = {
  'app.opening': '正在打开…',
  'app.noProject': '未打开项目',
  'explorer.title': '资源管理器',
  'explorer.loading': '正在加载文件…',
  'editor.noFile': '未打开文件',
  'editor.selectFile': '在资源管理器中选择一个文件以打开。',
  'editor.close': '关闭',
  'editor.unsaved': '有未保存的更改',
  'editor.saved': '已保存 {file}',
  'editor.saveFailed': '无法保存 {file}：{reason}',
  'editor.openFailed': '无法打开 {file}：{reason}',
  'editor.closeDirty': '{file} 有未保存的更改。关闭并放弃这些更改吗？',
  'editor.saveAndClose': '保存并关闭',
  'editor.discard': '放弃更改',
  'dialog.cancel': '取消',
  'dialog.ok': '确定',
  'conflict.message': '{file} 在磁盘上被修改，而你还有未保存的更改。',
  'conflict.keepMine': '保留我的版本',
  'conflict.takeDisk': '载入磁盘版本',
  'conflict.takeDiskHint': '你的文本仍保留在撤销历史中（Ctrl+Z）。',
  'conflict.deleted': '{file} 已在磁盘上被删除。你的文本已保留；保存即可重新创建该文件。',
  'conflict.dismiss': '确定',
};
