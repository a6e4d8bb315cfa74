import { Chart, Decimation, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';

// Chart.js registered once, for the whole app, with only what its charts use: lines and points
// on linear scales (time is a linear scale of epoch ms, see time-axis.ts), LTTB decimation for
// long series, tooltips for the mouse, and annotations for thresholds, spans and boundaries.
// Legends and titles are HTML (readable, translatable, and in the projector's type), so their
// plugins stay out of the bundle.

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Decimation, annotationPlugin);

// Every chart draws its final state at once (no tweening a room has to wait for), takes data
// already shaped as {x, y} sorted by x, and keeps it as given.
Chart.defaults.animation = false;
Chart.defaults.parsing = false;
Chart.defaults.normalized = true;

export { Chart };
