/**
 * The dashboard's browser test: the sample WAR in a real Payara Micro, driven through Debian's
 * headless Chromium with Selenium, as the sample's demo users of two tenants.
 */
package io.durable.sample.dashboard;
