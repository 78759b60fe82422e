import { Loader } from '@googlemaps/js-api-loader';

export const mapsLoader = new Loader({
  apiKey: 'AIza{{token:35}}', {{secret:google-api-key}}
  version: 'weekly',
  libraries: ['places'],
});
