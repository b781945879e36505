// Types of puerto.mjs (plain JavaScript, so that the .mjs configuration and scripts import it too).
export declare function puertoLibre(): Promise<number>;
