/** Entry of the bundled server: the transport (IPC or stdio) comes from the command line. */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));
startServer(connection);
