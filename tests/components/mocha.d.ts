// The mocha globals @web/test-runner provides in the browser (no @types/mocha is installed).
type Prueba = (this: unknown) => unknown;
declare function describe(titulo: string, cuerpo: () => void): void;
declare function it(titulo: string, cuerpo: Prueba): void;
declare function beforeEach(cuerpo: Prueba): void;
declare function afterEach(cuerpo: Prueba): void;
