// The Output widget, loaded only by a page that shows one: it needs JupyterLab's output area and
// renderers, which the other widgets do not.
import * as output from '@jupyter-widgets/jupyterlab-manager/lib/output';
import { WidgetRenderer } from '@jupyter-widgets/jupyterlab-manager/lib/renderer';
import { RenderMimeRegistry, standardRendererFactories } from '@jupyterlab/rendermime';

const WIDGET_VIEW = 'application/vnd.jupyter.widget-view+json';

export function outputModule(manager) {
  const rendermime = new RenderMimeRegistry({ initialFactories: standardRendererFactories });
  rendermime.addFactory(
    { safe: false, mimeTypes: [WIDGET_VIEW], createRenderer: options => new WidgetRenderer(options, manager) },
    -10
  );
  // KernelWidgetManager keeps the registry it was built with; the page built it without one.
  manager._rendermime = rendermime;
  return output;
}
