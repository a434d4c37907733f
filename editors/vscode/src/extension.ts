// Starts `edlint lsp` for Markdown, HTML and plain-text files and passes the settings on as
// initializationOptions; the server does the rest (diagnostics, quick fixes, hover).
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

function serverCommand(config: vscode.WorkspaceConfiguration): { command: string; args: string[] } {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? "";
  const expand = (value: string) => value.replace(/\$\{workspaceFolder\}/g, folder);
  const path = expand(config.get<string>("path", "").trim());
  if (path) {
    return { command: path, args: ["lsp"] };
  }
  const python = expand(config.get<string>("interpreter", "").trim());
  if (python) {
    return { command: python, args: ["-m", "edlint.cli", "lsp"] };
  }
  return { command: "edlint", args: ["lsp"] };
}

function initializationOptions(config: vscode.WorkspaceConfiguration): Record<string, unknown> {
  return {
    ignore: config.get<string[]>("ignore", []),
    preview: config.get<boolean | null>("preview", null),
    debounceMs: config.get<number>("debounceMs", 40),
    scanWorkspace: config.get<boolean>("scanWorkspace", true),
  };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration("edlint");
  const { command, args } = serverCommand(config);
  const serverOptions: ServerOptions = { command, args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "html" },
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
    ],
    initializationOptions: initializationOptions(config),
    synchronize: {
      // Configs, packs and site data: the server reloads when they change.
      fileEvents: vscode.workspace.createFileSystemWatcher(
        "**/{.edlint.yaml,pyproject.toml,*.yaml,*.yml,*.toml,*.json,*.csv,*.md,*.markdown,*.html,*.htm,*.txt}"
      ),
    },
  };
  client = new LanguageClient("edlint", "edlint", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    vscode.window.showErrorMessage(
      `edlint: could not start "${command} ${args.join(" ")}" (${err}). ` +
        'Install it with pip install "edlint[lsp]" or set edlint.path / edlint.interpreter.'
    );
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("edlint.restart", async () => {
      await client?.stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("edlint")) {
        await client?.stop();
        await start(context);
      }
    })
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
