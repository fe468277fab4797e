import { contextBridge, ipcRenderer } from 'electron';
import { exposeStudioApi } from './studio-api';

exposeStudioApi(contextBridge, ipcRenderer);
