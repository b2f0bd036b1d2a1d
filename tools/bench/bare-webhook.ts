// The load bench's baseline: the least a webhook bot can do per update. A bare node:http server that checks the
// secret header, parses the update, and answers it with one fixed sendMessage over a keep-alive connection —
// no telegraf, no engine, no retries, no log line. What factbot costs beyond this is its own work.
// Run by tools/bench/load.ts with PORT, WEBHOOK_PATH, WEBHOOK_SECRET, TELEGRAM_API_ROOT and TELEGRAM_BOT_TOKEN.
import { Agent, createServer, request } from 'node:http';

const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`bare-webhook: ${name} is not set`);
  return value;
};
const port = Number(env('PORT'));
const path = env('WEBHOOK_PATH');
const secret = env('WEBHOOK_SECRET');
const api = new URL(env('TELEGRAM_API_ROOT'));
const sendPath = `/bot${env('TELEGRAM_BOT_TOKEN')}/sendMessage`;
const agent = new Agent({ keepAlive: true, maxSockets: 100 });

interface Update {
  update_id: number;
  message?: { message_id: number; chat: { id: number } };
}

function sendMessage(update: Update): Promise<void> {
  const message = update.message;
  if (!message) return Promise.resolve();
  const body = JSON.stringify({ chat_id: message.chat.id, text: 'ok', reply_parameters: { message_id: message.message_id } });
  return new Promise((resolve) => {
    const req = request(
      {
        host: api.hostname,
        port: api.port,
        path: sendPath,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve());
      },
    );
    req.on('error', () => resolve());
    req.end(body);
  });
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') return void res.writeHead(200).end('ok');
  if (req.url !== path || req.headers['x-telegram-bot-api-secret-token'] !== secret) return void res.writeHead(403).end();
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const update = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Update;
    void sendMessage(update).then(() => res.writeHead(200).end());
  });
});
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
