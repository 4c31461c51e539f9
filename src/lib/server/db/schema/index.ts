export * from './themes';
export * from './organisations';
export * from './users';
export * from './visits';
export * from './audit';
export * from './accounts';
export * from './delegations';
export * from './agenda';
