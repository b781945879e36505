// Preloaded into the BFF child (node --import): when the test runner dies without stopping it
// (SIGTERM, SIGKILL, a crash), the stdin pipe from the parent closes and the BFF ends too.
process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.on('error', () => process.kill(process.pid, 'SIGTERM'));
process.stdin.resume();
