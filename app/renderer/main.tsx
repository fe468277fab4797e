import { createRoot } from 'react-dom/client';
import { Workbench } from './features/workbench/Workbench';
import './workbench.css';

createRoot(document.getElementById('root')!).render(<Workbench />);
