/**
 * Builds the task pane (taskpane.html) and the ribbon's function file (commands.html) into
 * dist-web/, with the manifest and icons. The first load carries React, Fluent UI and the
 * catalog only: exceljs and SheetJS are split into their own chunks that load when the user
 * creates, checks or rolls up. `npm start` serves it on https://localhost:3000.
 *
 * Env: WEB_OUT=dir (output folder), ADDIN_URL=https://host/path/ (replaces
 * https://localhost:3000/ in the copied manifest for a deployed build).
 */
const path = require("node:path");
const zlib = require("node:zlib");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const PORT = 3000;

/** Prints what taskpane.html loads before anything is clicked: the page and its entry's initial files. */
class InitialLoadSizePlugin {
  apply(compiler) {
    let report;
    compiler.hooks.thisCompilation.tap("InitialLoadSizePlugin", (compilation) => {
      // Measured at the report stage: after emit, webpack keeps only the assets' sizes.
      compilation.hooks.processAssets.tap(
        { name: "InitialLoadSizePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const entry = compilation.entrypoints.get("taskpane");
          if (!entry) return;
          const files = ["taskpane.html", ...entry.getFiles().filter((f) => !f.endsWith(".map"))];
          let raw = 0;
          let gzip = 0;
          for (const file of files) {
            const buffer = compilation.getAsset(file)?.source.buffer();
            if (!buffer) continue;
            raw += buffer.length;
            gzip += zlib.gzipSync(buffer).length;
          }
          const kB = (n) => `${(n / 1024).toFixed(0)} kB`;
          report = `Aktivitetsfönstrets första laddning (${files.join(", ")}): ${kB(raw)}, ${kB(gzip)} gzip.`;
        },
      );
    });
    compiler.hooks.done.tap("InitialLoadSizePlugin", (stats) => {
      if (report && !stats.hasErrors()) console.log(report);
    });
  }
}

/** https with the Office dev certificates when they can be had; otherwise http and a note why. */
async function devServerProtocol() {
  try {
    const { getHttpsServerOptions } = require("office-addin-dev-certs");
    return { type: "https", options: await getHttpsServerOptions() };
  } catch (e) {
    console.warn(
      [
        "",
        "OBS: kunde inte ordna ett betrott utvecklarcertifikat för https://localhost",
        `(${String((e && e.message) || e).split("\n")[0]}).`,
        `Servern körs därför med http://localhost:${PORT}. Den fristående sidan fungerar,`,
        "men Excel laddar bara tillägg över https: kör `npx office-addin-dev-certs install`",
        "(kräver administratörsrättigheter) och starta om `npm start`.",
        "",
      ].join("\n"),
    );
    return "http";
  }
}

module.exports = async (_env, argv) => {
  const production = argv.mode === "production";
  const outDir = path.resolve(__dirname, process.env.WEB_OUT || "dist-web");
  const addinUrl = process.env.ADDIN_URL;
  const serve = Boolean(process.env.WEBPACK_SERVE);
  const server = serve ? await devServerProtocol() : undefined;
  const scheme = server === "http" ? "http" : "https";

  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    target: ["web", "es2020"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/taskpane/commands.ts",
    },
    output: {
      path: outDir,
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      // src/workbook guards its Node-only paths; in the browser these are empty modules.
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      // `require(/* webpackIgnore: true */ "xlsx")` in src/workbook/sheetjs.ts: Node's lazy load, left out of the bundle.
      parser: { javascript: { commonjsMagicComments: true } },
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // Type errors are `npm run typecheck`'s job; ES modules so import() splits and tree shaking works.
          options: {
            transpileOnly: true,
            compilerOptions: { module: "esnext", target: "es2020", sourceMap: true },
          },
        },
        // The catalog is bundled as the files' own text, parsed by the same loader the CLI uses.
        { test: /\.json$/, include: path.resolve(__dirname, "templates"), type: "asset/source" },
      ],
    },
    plugins: [
      // `require("node:stream")` in a Node-only branch: resolve it to the (empty) fallback.
      new webpack.NormalModuleReplacementPlugin(/^node:/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/taskpane/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              addinUrl ? content.toString().split(DEV_URL).join(addinUrl.replace(/\/?$/, "/")) : content,
          },
        ],
      }),
      ...(production ? [new InitialLoadSizePlugin()] : []),
    ],
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // Named so a test (and a look at the network tab) can tell they are not in the first load.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            priority: 30,
            enforce: true,
          },
          xlsx: {
            test: /[\\/]node_modules[\\/](xlsx|@e965[\\/]xlsx)[\\/]/,
            name: "xlsx",
            chunks: "async",
            priority: 30,
            enforce: true,
          },
          // The report's Word writer, loaded when a report is asked for.
          docx: {
            test: /[\\/]node_modules[\\/]docx[\\/]/,
            name: "docx",
            chunks: "async",
            priority: 30,
            enforce: true,
          },
          // The pane's libraries in one cacheable file; the ribbon's function file stays tiny.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            chunks: (chunk) => chunk.name === "taskpane",
            priority: 10,
          },
        },
      },
    },
    // Our own report (InitialLoadSizePlugin) says what matters: the first load, not the lazy chunks.
    performance: { hints: false },
    devServer: serve
      ? {
          port: PORT,
          host: "localhost",
          headers: { "Access-Control-Allow-Origin": "*" },
          server,
          static: false,
          open: false,
          client: { overlay: { warnings: false } },
          onListening: () => {
            console.log(
              `\nAktivitetsfönstret: ${scheme}://localhost:${PORT}/taskpane.html (fristående sida i webbläsaren, eller i Excel via manifest.xml)\n`,
            );
          },
        }
      : undefined,
  };
};
