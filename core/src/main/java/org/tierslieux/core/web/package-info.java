/**
 * What every page of every module shares: {@link org.tierslieux.core.web.Ui}, the page's view of the caller,
 * the place and the language, handed to each Qute template as {@code ui}; the layout itself belongs to the
 * {@code deploy} module's shell.
 */
package org.tierslieux.core.web;
