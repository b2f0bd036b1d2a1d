/** Builds dist/ once before the tests that start the real processes (ask CLI, npm start). */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}
