// A Swagger UI plug-in (served as /docs/assets/operation-link.js): renders a response's OpenAPI links with
// what they really carry. Swagger UI's own `operationLink` prints only `parameters`, so every imgate link
// (which passes a `requestBody`) showed as "Parameters {}".
/* global window */
(() => {
  const json = (value) => JSON.stringify(value, null, 2);

  window.ImgateOperationLinkPlugin = (system) => {
    const h = system.React.createElement;
    function OperationLink({ link, name, getComponent }) {
      const Markdown = getComponent('Markdown', true);
      const target = link.get('operationId') || link.get('operationRef');
      const parameters = link.get('parameters')?.toJS();
      const requestBody = link.get('requestBody');
      const body = requestBody?.toJS ? requestBody.toJS() : requestBody;
      const description = link.get('description');
      const lines = [`Operation \`${target}\``];
      if (parameters && Object.keys(parameters).length > 0) lines.push(`Parameters ${json(parameters)}`);
      if (body !== undefined) lines.push(`Request body ${json(body)}`);
      return h(
        'div',
        { className: 'operation-link' },
        h(
          'div',
          { className: 'description' },
          h('b', null, h('code', null, name)),
          description ? h(Markdown, { source: description }) : null,
        ),
        h('pre', null, lines.join('\n\n')),
      );
    }
    return { components: { operationLink: OperationLink } };
  };
})();
