// Runs the server over a copy of the small demo with one user per role, for looking at the web page by hand:
//   node --import tsx test/browser/serve.ts [port]
// Every account's password is the test password printed below.
import { PASSWORD, startApp, type UserSpec } from './support.ts';

export const DEMO_USERS: UserSpec[] = [
  { username: 'analyst.bca', role: 'analyst', unitCode: 'BCA' },
  { username: 'leader.bca', role: 'leader', unitCode: 'BCA' },
  { username: 'approver.bca', role: 'approver', unitCode: 'BCA' },
  { username: 'approver.37', role: 'approver', unitCode: '37' },
  { username: 'officer.13285', role: 'officer', unitCode: '13285' },
];

const port = Number(process.argv[2] ?? 3100);
const app = await startApp(DEMO_USERS, { port });
console.log(`${app.origin}  users: ${DEMO_USERS.map((u) => u.username).join(', ')}  password: ${PASSWORD}`);
process.on('SIGINT', () => {
  void app.close().then(() => process.exit(0));
});
