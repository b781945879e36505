// The mocha globals @web/test-runner provides in the browser (no @types/mocha is installed).
type Prueba = (this: { timeout(ms: number): void }) => unknown;
declare function describe(titulo: string, cuerpo: () => void): void;
declare function it(titulo: string, cuerpo: Prueba): void;
declare function before(cuerpo: Prueba): void;
declare function after(cuerpo: Prueba): void;
declare function beforeEach(cuerpo: Prueba): void;
declare function afterEach(cuerpo: Prueba): void;
