document.getElementById('root')!.textContent = 'Mini Studio';
