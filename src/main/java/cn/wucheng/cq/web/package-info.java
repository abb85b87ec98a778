/** The web shell: layout, home page, errors. */
package cn.wucheng.cq.web;
