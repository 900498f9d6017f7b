// The app page's front end: a kernel connection and the ipywidgets manager, nothing else.
// Voila streams the page with each cell's outputs as JSON (templates/voila/hocvuso/index.html.j2);
// this shows them. See frontend/README.md for why the gallery does not use Voila's front end.
import * as base from '@jupyter-widgets/base';
import * as controls from '@jupyter-widgets/controls';
import { KernelWidgetManager } from '@jupyter-widgets/jupyterlab-manager/lib/manager';
import { KernelAPI, ServerConnection } from '@jupyterlab/services';
import { KernelConnection } from '@jupyterlab/services/lib/kernel/default';
import { Widget } from '@lumino/widgets';

import '@lumino/widgets/style/index.css'; // hidden tabs and stacked panels, as in JupyterLab
import '@jupyter-widgets/base/css/index.css';
import '@jupyter-widgets/controls/css/labvariables.css';
import '@jupyter-widgets/controls/css/widgets-base.css';
import './page.css';

const WIDGET_VIEW = 'application/vnd.jupyter.widget-view+json';
const OUTPUT = 'script[type="application/vnd.voila.cell-output+json"]';
const STOPPED =
  'Ứng dụng đã dừng vì lâu không dùng (hoặc máy chủ vừa khởi động lại). Tải lại trang để dùng tiếp. ' +
  '(The app stopped after a long idle time or a server restart. Reload the page to go on.)';
const BROKEN =
  'Không hiển thị được phần này của ứng dụng. Hãy tải lại trang; nếu vẫn lỗi, báo cho giảng viên. ' +
  '(This part of the app could not be shown. Reload the page; if it persists, tell your trainer.)';

// ipywidgets shows a widget it cannot build as an icon that unfolds into a JavaScript stack
// trace: not for a learner. The details go to the console instead.
base.ErrorWidgetView.prototype.render = function () {
  const { msg, stack } = this.generateErrorMessage();
  console.error(msg, stack);
  this.el.classList.add('jupyter-widgets', 'hocvuso-error');
  this.el.textContent = BROKEN;
};

function pageConfig() {
  const node = document.getElementById('jupyter-config-data');
  return node ? JSON.parse(node.textContent) : {};
}

function xsrfToken() {
  const match = document.cookie.match('\\b_xsrf=([^;]*)\\b');
  return (match && match[1]) || '';
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

const joined = value => [].concat(value).join('');

// An output that is not a widget: its richest plain form (HTML, PNG, SVG or text), never script.
function renderPlain(output, container) {
  const data = output.data || {};
  if (output.output_type === 'stream') {
    container.appendChild(element('pre', 'hocvuso-text', joined(output.text)));
  } else if (output.output_type === 'error') {
    container.appendChild(element('pre', 'hocvuso-error', joined(output.evalue || output.ename)));
  } else if (data['text/html'] !== undefined) {
    const div = element('div', 'hocvuso-html');
    div.innerHTML = joined(data['text/html']);
    container.appendChild(div);
  } else if (data['image/png'] !== undefined) {
    const img = element('img', 'hocvuso-image');
    img.src = `data:image/png;base64,${joined(data['image/png']).trim()}`;
    container.appendChild(img);
  } else if (data['image/svg+xml'] !== undefined) {
    const img = element('img', 'hocvuso-image');
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(joined(data['image/svg+xml']))}`;
    container.appendChild(img);
  } else if (data['text/plain'] !== undefined) {
    container.appendChild(element('pre', 'hocvuso-text', joined(data['text/plain'])));
  }
}

function stopped() {
  if (document.getElementById('hocvuso-stopped')) {
    return;
  }
  const banner = element('div', 'hocvuso-stopped');
  banner.id = 'hocvuso-stopped';
  banner.setAttribute('role', 'alert');
  banner.appendChild(element('p', '', STOPPED));
  const reload = element('button', '', 'Tải lại trang (Reload)');
  reload.type = 'button';
  reload.addEventListener('click', () => window.location.reload());
  banner.appendChild(reload);
  document.body.prepend(banner);
}

// The widget manager learns the page's widgets from the kernel (one request for all their states).
// On a busy server that can take longer than ipywidgets' own `get_model`, which gives up after
// 2 s: wait for the model to be registered instead, ask the kernel again if a request was lost,
// and give up (with a message) only after WAIT_MS.
const WAIT_MS = 180000;
const RETRY_MS = 15000;
const CHECK_MS = 30000;

class PageWidgetManager extends KernelWidgetManager {
  register_model(modelId, modelPromise) {
    super.register_model(modelId, modelPromise);
    const waiting = this.waiting().get(modelId) || [];
    this.waiting().delete(modelId);
    waiting.forEach(resolve => resolve());
  }

  waiting() {
    // Not a field: the base constructor may register models before fields are initialised.
    if (!this._waiting) {
      this._waiting = new Map();
    }
    return this._waiting;
  }

  async modelWhenReady(modelId) {
    const started = Date.now();
    while (!this.has_model(modelId)) {
      if (Date.now() - started > WAIT_MS) {
        throw new Error(`widget model ${modelId} not received in ${WAIT_MS / 1000} s`);
      }
      if (Date.now() - started > RETRY_MS && !this._kernelRestoreInProgress) {
        this.restoreWidgets();
      }
      await new Promise(resolve => {
        const list = this.waiting().get(modelId) || [];
        list.push(resolve);
        this.waiting().set(modelId, list);
        setTimeout(resolve, RETRY_MS);
      });
    }
    return this.get_model(modelId);
  }
}

async function renderWidget(manager, spec, container) {
  try {
    const model = await manager.modelWhenReady(spec.model_id);
    const view = await manager.create_view(model);
    Widget.attach(view.luminoWidget, container);
  } catch (error) {
    console.error(error);
    container.appendChild(element('div', 'hocvuso-error', BROKEN));
  }
}

function connect(config) {
  const baseUrl = config.baseUrl || '/';
  const serverSettings = ServerConnection.makeSettings({ baseUrl });
  const kernel = new KernelConnection({
    model: { id: config.kernelId, name: 'python3' },
    serverSettings,
    // Voila lets a page send widget messages only: a request for a comm subshell (the default
    // with ipykernel 7) would never be answered.
    commsOverSubshells: 'disabled'
  });
  // No render-mime registry: only the Output widget needs one, and it brings its own.
  const manager = new PageWidgetManager(kernel, null);
  manager.register({
    name: '@jupyter-widgets/base',
    version: base.JUPYTER_WIDGETS_VERSION,
    exports: base
  });
  manager.register({
    name: '@jupyter-widgets/controls',
    version: controls.JUPYTER_CONTROLS_VERSION,
    exports: controls
  });
  manager.register({
    name: '@jupyter-widgets/output',
    version: '1.0.0',
    exports: () => import('./output.js').then(module => module.outputModule(manager))
  });
  // The server shuts an idle kernel down (`hocvuso apps --het-gio`) without closing the page's
  // connection: the widgets would just stop answering. Ask the server whether the kernel is
  // still there — every CHECK_MS, when the tab is shown again (a phone picked up after a
  // while) and when the connection drops — and if it is gone, say so and offer the reload.
  let leaving = false;
  const check = async () => {
    if (leaving || document.getElementById('hocvuso-stopped')) {
      return;
    }
    try {
      if ((await KernelAPI.getKernelModel(kernel.id, serverSettings)) === undefined) {
        stopped();
      }
    } catch (error) {
      // The server itself is unreachable: the connection keeps retrying; nothing to add.
    }
  };
  setInterval(check, CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      check();
    }
  });
  kernel.connectionStatusChanged.connect((_, status) => {
    if (status !== 'connected') {
      check();
    }
  });
  kernel.statusChanged.connect((_, status) => {
    if (status === 'dead' && !leaving) {
      stopped();
    }
  });
  window.addEventListener('beforeunload', () => {
    leaving = true;
    kernel.dispose();
  });
  return manager;
}

// Give the page's kernel back when the tab closes (Voila starts one per visit, widgets or not);
// idle culling is only the fallback. The XSRF cookie comes with the page (workbench/voila_main.py).
function giveBackOnClose(config) {
  window.addEventListener('beforeunload', () => {
    const data = new FormData();
    data.append('_xsrf', xsrfToken());
    navigator.sendBeacon(`${config.baseUrl || '/'}voila/api/shutdown/${config.kernelId}`, data);
  });
}

async function main() {
  const config = pageConfig();
  const outputs = Array.from(document.querySelectorAll(OUTPUT)).map(script => {
    const container = element('div', 'hocvuso-output');
    script.replaceWith(container);
    const output = JSON.parse(script.textContent);
    return { output, container, widget: output.data && output.data[WIDGET_VIEW] };
  });
  let manager = null;
  if (config.kernelId) {
    giveBackOnClose(config);
    manager = outputs.some(item => item.widget) ? connect(config) : null;
  }
  await Promise.all(
    outputs.map(({ output, container, widget }) =>
      widget ? renderWidget(manager, widget, container) : renderPlain(output, container)
    )
  );
  const loading = document.getElementById('loading');
  if (loading) {
    loading.remove();
  }
  document.getElementById('rendered_cells').style.display = '';
}

main();
