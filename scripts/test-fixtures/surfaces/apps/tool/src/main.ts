const { startApp } = await import('@x/app');

export { open } from '@x/store';

startApp();
