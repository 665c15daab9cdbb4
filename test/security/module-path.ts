/** The module segment of module routes, as the route table spells it (`:module` in a fixture's params). */
export const MODULE = '/:module{teaching|study|management|safety}';
