import './index.css';

const start = () => import('./app/start');

// A page rendered on the server already shows the pools once its CSS is in: let that frame reach
// the screen before the app's code is evaluated (about 100 ms on a small machine), then take
// over. A page without them, or a tab in the background (no frames), starts at once.
const prerendered = document.getElementById('root')?.firstElementChild != null;
if (prerendered && document.visibilityState === 'visible') {
  requestAnimationFrame(() => setTimeout(() => void start(), 0));
} else {
  void start();
}
