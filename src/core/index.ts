/** The public surface of the numerics core: re-exports only. Nothing here touches the DOM, React or d3-selection. */
export * from './matrix';
export * from './rng';
export * from './lse';
export * from './validate';
export * from './grid';
export * from './fields';
export * from './descent';
export * from './hierarchy';
export * from './corruptions';
export * from './resemblance';
export * from './dsm-targets';
export * from './forward-noise';
export * from './boltzmann';
export * from './gmm';
